"""Survey pages: respondents (public, by token) and workforce leads (MANAGE_SURVEYS)."""
