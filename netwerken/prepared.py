"""Queries whose SQL is built once per process.

Building a query's SQL through the ORM costs more than running it: some tenths of a millisecond
against a few hundredths, on every request of a page. A `PreparedQuery` builds it once, with
stand-ins for the values that change, and afterwards only runs it. The rows come back converted
by the ORM's own converters (dates, decimals, booleans), as a `values_list` gives them.
"""

from django.db import connections

# Values no row has: they stand for the query's arguments while its SQL is built.
STAND_INS = (-7_349_011, -7_349_012, -7_349_013, -7_349_014)


class PreparedQuery:
    def __init__(self, build, arguments: int):
        """`build(*stand_ins)` returns the query as a `values_list` queryset, with `arguments`
        stand-ins where its arguments go."""
        self._build, self._stand_ins = build, STAND_INS[:arguments]
        self._compiled = None

    def rows(self, *arguments) -> list[list]:
        compiler, sql, params = self._compiled or self._compile()
        values = dict(zip(self._stand_ins, arguments, strict=True))
        params = [values.get(p, p) if isinstance(p, int) else p for p in params]
        with connections[compiler.using].cursor() as cursor:
            cursor.execute(sql, params)
            found = cursor.fetchall()
        return list(compiler.results_iter(results=[found]))

    def _compile(self):
        queryset = self._build(*self._stand_ins)
        compiler = queryset.query.get_compiler(queryset.db)
        sql, params = compiler.as_sql()
        missing = set(self._stand_ins) - set(params)
        assert not missing, f"the query does not use its arguments {missing}"
        self._compiled = (compiler, sql, params)
        return self._compiled


def columns(model, prefix: str = "", leave_out=()) -> list[str]:
    """The names of the model's stored columns (but `leave_out`), in the order `Model.from_db`
    takes them."""
    return [prefix + name for name in _names(model, leave_out)]


def instance(model, row, start: int = 0, leave_out=()):
    """The model instance of the columns `columns(model, leave_out=...)` in `row` from `start` on
    (the columns left out are loaded when read, as with `defer`)."""
    names = _names(model, leave_out)
    return model.from_db("default", names, row[start : start + len(names)])


def _names(model, leave_out) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if f.name not in leave_out]
