"""The careers offer: the council's offer, its vacancies, the public careers page and agency
staff checked against the DfE's rules (docs/careers.md)."""
