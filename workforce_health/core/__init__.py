"""Organisations, their services, teams, people, employments, and signed-in users' roles."""
