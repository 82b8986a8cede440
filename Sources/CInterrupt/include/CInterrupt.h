// Ctrl-C for factsh: one flag, set by a SIGINT handler and read by whoever needs to know.
// The flag is defined once, in interrupt.c; every module that imports this header calls the
// same functions and so sees the same flag. (A `static` variable in a header would give each
// importing module a copy of its own, and a handler installed by one would never be seen by
// another.)
#ifndef FACTSH_CINTERRUPT_H
#define FACTSH_CINTERRUPT_H

/// Installs the SIGINT handler, without SA_RESTART so that a blocked read (el_gets) returns
/// and the line being typed can be dropped. Returns sigaction's result.
int factsh_install_interrupt_handler(void);

/// Nonzero when Ctrl-C was pressed since the last factsh_clear_interrupt.
int factsh_interrupt_pending(void);

void factsh_clear_interrupt(void);

#endif
