"""Staffing: recruitment and retention measures for the children's social work workforce."""
