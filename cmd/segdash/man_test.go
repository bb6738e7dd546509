package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/segdash/segdash/cmd/segdash/cli"
)

func TestManPage(t *testing.T) {
	code, page, errs := runSegdash(t, nil, "man")
	if code != 0 || !strings.HasPrefix(page, ".TH SEGDASH 1 ") {
		t.Fatalf("man: %d %q\n%.200s", code, errs, page)
	}
	a := &app{getenv: func(string) string { return "" }}
	cli.Walk(a.newRootCmd(), func(c *cobra.Command) {
		if c.HasParent() && cli.ManShown(c) && !strings.Contains(page, ".SS "+cli.RoffText(c.CommandPath())+"\n") {
			t.Errorf("no section for %s", c.CommandPath())
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden && f.Name != "help" && !strings.Contains(page, `\fB\-\-`+cli.RoffText(f.Name)+`\fR`) {
				t.Errorf("%s --%s is missing", c.CommandPath(), f.Name)
			}
		})
	})
	macros := map[string]bool{".TH": true, ".SH": true, ".SS": true, ".PP": true, ".TP": true, ".RS": true, ".RE": true, ".nf": true, ".fi": true, ".br": true, ".B": true, ".I": true}
	for l := range strings.SplitSeq(page, "\n") {
		if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
			if !macros[strings.Fields(l)[0]] {
				t.Errorf("a text line read as a request: %q", l)
			}
		}
	}
	if i := strings.IndexFunc(page, func(r rune) bool { return r >= 0x80 }); i >= 0 {
		t.Errorf("a character outside ASCII reaches groff unescaped: %q", page[max(0, i-40):i+4])
	}
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Log("no groff here: the page was checked without rendering it")
		return
	}
	cmd := exec.Command(groff, "-man", "-ww", "-z")
	cmd.Stdin = strings.NewReader(page)
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("groff: %v\n%s", err, out)
	}
}
