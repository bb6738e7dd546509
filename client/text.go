package client

import "github.com/segdash/segdash/client/safe"

// MaxMessage is the most characters of a server's text (an error body's
// message, its minor errors, a warning) that an error or warning carries:
// enough for any real Braze message, short enough for one line of a
// terminal, a log or a dashboard notice however much a server sends.
const MaxMessage = 300

// oneLine makes a server's text fit one line of at most max characters
// (safe.Line).
func oneLine(s string, max int) string { return safe.Line(s, max) }
