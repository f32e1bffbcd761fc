"""Staff pages (/volunteers/) and portal pages (/portal/volunteers/): parse, authorize, call, respond."""
