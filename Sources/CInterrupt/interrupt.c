#include "CInterrupt.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>

// The one definition of the flag. It is read between the stages of a running query to cancel
// it, and by the line reader to drop the line being typed. The handler may run on any thread,
// so the flag is a lock-free atomic (safe in a signal handler, and free of data races).
static atomic_int factsh_interrupt_flag = 0;

static void factsh_on_interrupt(int signal_number) {
    (void)signal_number;
    int saved_errno = errno;
    atomic_store_explicit(&factsh_interrupt_flag, 1, memory_order_relaxed);
    errno = saved_errno;
}

int factsh_install_interrupt_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = factsh_on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGINT, &action, NULL);
}

int factsh_interrupt_pending(void) { return atomic_load_explicit(&factsh_interrupt_flag, memory_order_relaxed) != 0; }

void factsh_clear_interrupt(void) { atomic_store_explicit(&factsh_interrupt_flag, 0, memory_order_relaxed); }
