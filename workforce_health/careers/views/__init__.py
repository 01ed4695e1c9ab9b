"""The careers app's pages: public, the lead's offer and vacancies, agency compliance."""
