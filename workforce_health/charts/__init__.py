"""Pure server-side SVG charts: accessible, no JavaScript, no Django (also used in PDF reports).

Each function returns one ``<svg role="img">`` string with a ``<title>``, a ``<desc>``
summarising the data in a sentence, real text labels, a viewBox (so it scales) and inline
presentation attributes (so it renders without the page's CSS, e.g. in WeasyPrint); the
``app-chart__*`` classes let app.css restyle it on screen. Series are told apart by dash
pattern and marker shape as well as colour. Missing values are gaps; no data at all gives
a "No data" message instead of an empty plot.

- `bar_chart`: horizontal bars of any quantity;
- `score_chart`: scores on a fixed scale over shaded bands, with the band in words;
- `diverging_chart`: agreement as diverging stacked bars (disagree, neither, agree);
- `line_chart`: series over ordered categories, with a legend;
- `small_line_chart` and `legend_key`: small multiples sharing one key.
"""

from .bar import Bar, bar_chart
from .diverging import Agreement, diverging_chart
from .line import Series, line_chart
from .score import Band, Score, score_chart
from .small import legend_key, small_line_chart

__all__ = [
    "Agreement",
    "Band",
    "Bar",
    "Score",
    "Series",
    "bar_chart",
    "diverging_chart",
    "legend_key",
    "line_chart",
    "score_chart",
    "small_line_chart",
]
