package cli

import "testing"

func TestRoffEscapes(t *testing.T) {
	if got := roffLine(`.hidden \ text-with-dash`); got != `\&.hidden \e text\-with\-dash` {
		t.Errorf("roffLine: %q", got)
	}
}
