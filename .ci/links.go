//go:build ignore

// links checks that every relative link in the Markdown files it is given
// (default: README.md and docs/*.md) resolves: the file exists, and an
// anchor (#heading) names a heading of that file as GitHub spells it.
// Links to other sites (https:, mailto:) are not fetched.
//
//	go run .ci/links.go [FILE.md ...]
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
)

var (
	inlineLink = regexp.MustCompile(`!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)
	refDef     = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$`)
	htmlAttr   = regexp.MustCompile(`(?i)(?:href|src)\s*=\s*"([^"]+)"`)
	heading    = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	inlineCode = regexp.MustCompile("`+[^`]*`+")
	scheme     = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
)

// line is one line of a Markdown file outside its fenced code blocks.
type line struct {
	n    int
	text string
}

func main() {
	files := os.Args[1:]
	if len(files) == 0 {
		docs, _ := filepath.Glob("docs/*.md")
		files = append([]string{"README.md"}, docs...)
	}
	anchors := map[string]map[string]bool{}
	bad := 0
	for _, f := range files {
		lines, err := prose(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			bad++
			continue
		}
		for _, l := range lines {
			for _, target := range targets(l.text) {
				if msg := check(f, target, anchors); msg != "" {
					fmt.Printf("%s:%d: %s: %s\n", f, l.n, target, msg)
					bad++
				}
			}
		}
	}
	if bad > 0 {
		fmt.Printf("%d broken links\n", bad)
		os.Exit(1)
	}
	fmt.Printf("links: every relative link and anchor in %d files resolves\n", len(files))
}

// prose returns the lines of a Markdown file that are not in a fenced code
// block.
func prose(path string) ([]line, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []line
	fence := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		t := sc.Text()
		trimmed := strings.TrimLeft(t, " ")
		if fence == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")) {
			fence = trimmed[:3]
			continue
		}
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		out = append(out, line{n, t})
	}
	return out, sc.Err()
}

// targets are the link targets of one line, inline code left out.
func targets(text string) []string {
	text = inlineCode.ReplaceAllString(text, "")
	var out []string
	for _, m := range inlineLink.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	if m := refDef.FindStringSubmatch(text); m != nil {
		out = append(out, m[1])
	}
	for _, m := range htmlAttr.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	return out
}

// check says what is wrong with a link from file to target, or "".
func check(file, target string, anchors map[string]map[string]bool) string {
	if scheme.MatchString(target) {
		return ""
	}
	path, anchor, _ := strings.Cut(target, "#")
	dest := file
	if path != "" {
		dest = filepath.Join(filepath.Dir(file), path)
		if _, err := os.Stat(dest); err != nil {
			return "no such file " + dest
		}
	}
	if anchor == "" {
		return ""
	}
	if !strings.HasSuffix(dest, ".md") {
		return "an anchor into a file that is not Markdown"
	}
	if anchors[dest] == nil {
		a, err := headings(dest)
		if err != nil {
			return err.Error()
		}
		anchors[dest] = a
	}
	if !anchors[dest][anchor] {
		return "no heading with the anchor #" + anchor + " in " + dest
	}
	return ""
}

// headings returns the anchors GitHub gives the headings of a Markdown
// file: lower case, punctuation dropped, spaces as hyphens, a repeated one
// numbered -1, -2, ...
func headings(path string) (map[string]bool, error) {
	lines, err := prose(path)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	seen := map[string]int{}
	for _, l := range lines {
		m := heading.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		slug := slugify(m[2])
		if n := seen[slug]; n > 0 {
			out[fmt.Sprintf("%s-%d", slug, n)] = true
		} else {
			out[slug] = true
		}
		seen[slug]++
	}
	return out, nil
}

func slugify(h string) string {
	// Links in a heading count by their text.
	h = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`).ReplaceAllString(h, "$1")
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
