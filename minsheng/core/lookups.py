"""``field__any=[…]``: membership in a long list of values, sent to PostgreSQL as one array.

``__in`` makes each value a parameter of its own, and psycopg's client-side binding quotes them one
by one in Python: for the 1,000 people who share a common full name, 10 ms of a search page's CPU
(the list is in both the count and the page query). One array parameter is converted in C, and
PostgreSQL plans ``= ANY(array)`` exactly as it plans the IN list (it rewrites one into the other).
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import Field, ForeignObject, Lookup


class AnyOf(Lookup):
    lookup_name = "any"
    prepare_rhs = False

    def get_prep_lookup(self):
        return [self.lhs.output_field.get_prep_value(v) for v in self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = self.rhs
        if not values:
            raise EmptyResultSet  # as __in=[]: nothing matches, and an OR keeps its other side
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, list(values)]
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*lhs_params, *values]


# Foreign keys keep lookups of their own (Django stops their lookup inheritance at ForeignObject).
Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)
