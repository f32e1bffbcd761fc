"""Staff pages (/suggestions/) and the public pages (/portal/suggestions/). Thin: parse, authorize
through a selector, call one service, respond."""
