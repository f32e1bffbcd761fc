from minsheng.api.tests.clients import fast_password_hashing  # noqa: F401
