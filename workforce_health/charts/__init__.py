"""Pure server-side SVG charts: accessible, no JavaScript, no Django (also used in PDF reports).

Each function returns one ``<svg role="img">`` string with a ``<title>``, a ``<desc>``
summarising the data in a sentence, real text labels, a viewBox (so it scales) and inline
presentation attributes (so it renders without the page's CSS, e.g. in WeasyPrint); the
``app-chart__*`` classes let app.css restyle it on screen. Series are told apart by dash
pattern and marker shape as well as colour. Missing values are gaps; no data at all gives
a "No data" message instead of an empty plot.
"""

from .bar import Bar, bar_chart
from .line import Series, line_chart

__all__ = ["Bar", "Series", "bar_chart", "line_chart"]
