"""Exit 0 if a PostgreSQL server answers at the URL given as the only argument."""

import sys

import psycopg


def main() -> int:
    url = sys.argv[1].replace("postgres://", "postgresql://", 1)
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.OperationalError:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
