"""GOV.UK forms for the development records (rendered by web.forms.GovukFormRenderer)."""
