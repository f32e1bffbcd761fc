"""Full-text index of case texts on PostgreSQL: character bigrams in a GIN index (see fulltext.py).

Nothing on SQLite, which searches with LIKE.
"""

from django.db import migrations

# Every character bigram of the text as a lexeme, straight into a tsvector (no parser: the lexemes are
# the bigrams exactly as written). Whitespace becomes "_" so that the array can be split on spaces.
# One SQL expression, so PostgreSQL inlines it: ~3x faster to index than a generate_series loop.
FUNCTION = r"""
CREATE OR REPLACE FUNCTION minsheng_bigrams(t text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array_to_tsvector(array_remove(string_to_array(
    regexp_replace(substr(regexp_replace(regexp_replace(t, '\s', '_', 'g'), '(.)', '\1\1', 'g'), 2),
                   '(..)', '\1 ', 'g'),
    ' '), ''))
$$
"""
INDEX = (
    "CREATE INDEX IF NOT EXISTS petition_fulltext_idx ON petitions_petition USING gin "
    "(minsheng_bigrams(title || ' ' || request || ' ' || facts))"
)

# The queue searches open cases only: a small index of them keeps "a common word among open cases"
# from fetching every closed case that holds it (the planner takes it whenever the query excludes
# the terminal states, as every queue does). The states are those of workflow.TERMINAL.
OPEN_INDEX = (
    "CREATE INDEX IF NOT EXISTS petition_fulltext_open_idx ON petitions_petition USING gin "
    "(minsheng_bigrams(title || ' ' || request || ' ' || facts)) "
    "WHERE status NOT IN ('closed', 'final', 'not_accepted', 'redirected')"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)
        schema_editor.execute(INDEX)
        schema_editor.execute(OPEN_INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS petition_fulltext_open_idx")
        schema_editor.execute("DROP INDEX IF EXISTS petition_fulltext_idx")
        schema_editor.execute("DROP FUNCTION IF EXISTS minsheng_bigrams(text)")


class Migration(migrations.Migration):
    dependencies = [("petitions", "0003_receptions")]

    operations = [migrations.RunPython(forwards, backwards)]
