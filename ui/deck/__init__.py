"""A page as a deck of sections: page view, presentation view, recording for exports."""
