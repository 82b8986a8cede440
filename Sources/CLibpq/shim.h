// libpq, PostgreSQL's own C client: imported by PostgresStore's PostgresConnection only.
#include <libpq-fe.h>
