"""The listening loop between Health Checks: anonymous conversations with leaders, leader
sessions, actions ("you said, we did") and pulse surveys (docs/listening.md)."""
