#ifndef CYAML_SHIM_H
#define CYAML_SHIM_H

// libyaml's development files are the one system package whereby-codegen needs, and so every
// build of an app that uses WherebyAPI (its build plugin runs the generator). Without them the
// compiler would only say that 'yaml.h' is not found; this says what to install.
#if __has_include(<yaml.h>)
#include <yaml.h>
#else
#error "libyaml is missing: install it with `apt-get install libyaml-dev` (Debian, Ubuntu), `dnf install libyaml-devel` (Fedora, Amazon Linux) or `brew install libyaml` (macOS), then build again"
#endif

#endif
