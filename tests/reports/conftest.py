import pytest

from tests.reports import helpers


@pytest.fixture
def reported(council):
    """The test council with two survey waves (one team too small to show) and a census year."""
    return helpers.reported(council)
