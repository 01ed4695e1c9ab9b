// GOV.UK Frontend's "JavaScript is on" classes, from a static file rather than the inline snippet
// in its page template, so the Content-Security-Policy can forbid every inline script.
// Loaded synchronously as the first thing in <body>, so components are styled before first paint.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
