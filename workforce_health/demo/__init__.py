"""The demo council: a fictional metropolitan borough with seven years of workforce history."""
