"""Writes for the Health Check surveys, one module for each thing they change:

- `questionnaires`: packaged questionnaires' rows and councils' own copies;
- `waves`: create, change, open and close a wave;
- `invitations`: personal links by email, and responses started through the shared link;
- `responding`: a respondent's draft and the anonymous response they send;
- `past_waves`: earlier years' waves, invited counts and responses (imports and the demo);
- `stored_answers`: the stored answers a closed wave's results are read from (the one writer).

`common` holds what they share. How responses are kept unlinkable to people:
docs/surveys-anonymity.md.
"""
