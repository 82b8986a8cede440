// The smallest bridge from Swift to libedit: Swift cannot call variadic C functions
// (el_set, el_get, history), so each operation factsh uses gets a one-line wrapper here.
// Only Sources/FactTerminal/LibeditLineReader.swift imports this module.
#ifndef FACTSH_CLIBEDIT_SHIM_H
#define FACTSH_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

// The standard streams, which Swift 6 will not touch as C globals.
static inline FILE *factsh_stdin(void) { return stdin; }
static inline FILE *factsh_stdout(void) { return stdout; }
static inline FILE *factsh_stderr(void) { return stderr; }

typedef unsigned char (*factsh_el_command)(EditLine *, int);
typedef char *(*factsh_el_prompt)(EditLine *);

static inline int factsh_el_set_prompt(EditLine *el, factsh_el_prompt prompt) { return el_set(el, EL_PROMPT, prompt); }
static inline int factsh_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int factsh_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int factsh_el_add_function(EditLine *el, const char *name, const char *help, factsh_el_command command) {
    return el_set(el, EL_ADDFN, name, help, command);
}
static inline int factsh_el_bind(EditLine *el, const char *key, const char *command) { return el_set(el, EL_BIND, key, command, NULL); }
static inline int factsh_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int factsh_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *factsh_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int factsh_el_set_getcfn(EditLine *el, el_rfunc_t read) { return el_set(el, EL_GETCFN, read); }
// The next character read by libedit's own reader, from inside a reader set with EL_GETCFN:
// its handling of signals (Ctrl-C, a resized window) and of multi-byte characters is kept.
static inline int factsh_el_builtin_getc(EditLine *el, wchar_t *character) {
    el_rfunc_t custom = EL_BUILTIN_GETCFN;
    el_get(el, EL_GETCFN, &custom);
    el_set(el, EL_GETCFN, EL_BUILTIN_GETCFN);
    int result = el_wgetc(el, character);
    el_set(el, EL_GETCFN, custom);
    return result;
}
// The columns a character takes, as libedit counts them; glibc declares wcwidth only for
// _XOPEN_SOURCE, which would hide the rest of the default declarations.
extern int wcwidth(wchar_t character);
static inline int factsh_wcwidth(wchar_t character) { return wcwidth(character); }
// The terminal's width as libedit knows it (it follows a resized window), which is where it wraps.
static inline int factsh_el_columns(EditLine *el) {
    int columns = 0;
    el_get(el, EL_GETTC, "co", &columns);
    return columns;
}

static inline int factsh_history_set_size(History *h, HistEvent *event, int size) { return history(h, event, H_SETSIZE, size); }
static inline int factsh_history_set_unique(History *h, HistEvent *event, int unique) { return history(h, event, H_SETUNIQUE, unique); }
static inline int factsh_history_enter(History *h, HistEvent *event, const char *line) { return history(h, event, H_ENTER, line); }

#endif
