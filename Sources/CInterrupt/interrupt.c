#include "CInterrupt.h"

#include <signal.h>
#include <string.h>

// The one definition of the flag. It is read between the stages of a running query to cancel
// it, and by the line reader to drop the line being typed.
static volatile sig_atomic_t factsh_interrupt_flag = 0;

static void factsh_on_interrupt(int signal_number) {
    (void)signal_number;
    factsh_interrupt_flag = 1;
}

int factsh_install_interrupt_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = factsh_on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGINT, &action, NULL);
}

int factsh_interrupt_pending(void) { return factsh_interrupt_flag != 0; }

void factsh_clear_interrupt(void) { factsh_interrupt_flag = 0; }
