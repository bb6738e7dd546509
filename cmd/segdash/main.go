// Command segdash is a terminal dashboard for Braze segment sizes: the
// dashboard itself, a one-shot `check` for scripts, an SSH server, and the
// stand-in API for trying it all without a Braze account.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// main ends on SIGINT, SIGTERM and SIGHUP (the terminal closed): the
// dashboard must not outlive its terminal.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	a := &app{in: os.Stdin, out: os.Stdout, errw: os.Stderr, getenv: os.Getenv, now: time.Now}
	code := a.run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}
