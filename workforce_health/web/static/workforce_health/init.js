// Start GOV.UK Frontend's JavaScript (a static file, so a strict CSP needs no inline script).
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();
