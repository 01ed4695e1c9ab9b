"""Staff surveys: the annual Social Work Health Check and pulse surveys."""
