"""One module per thing a visitor does. URLs in demain/audience/urls.py."""
