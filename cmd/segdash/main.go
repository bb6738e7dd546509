// Command segdash is a terminal dashboard for Braze segment sizes: the
// dashboard itself, a one-shot `check` for scripts, an SSH server, and the
// stand-in API for trying it all without a Braze account.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr}, os.Getenv)
	stop()
	os.Exit(code)
}
