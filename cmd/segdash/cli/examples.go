package cli

// defaultExamples are the examples of the commands whose own definition
// has none, by command path.
func defaultExamples() map[string]string {
	return map[string]string{
		"segdash": `  segdash                        # the dashboard (demo data without a key)
  segdash -w eu --watch morning  # workspace eu, watchlist morning selected
  segdash --offline              # only the data saved by the last run`,
		"segdash serve": `  segdash serve --authorized-keys ~/.ssh/authorized_keys   # on 127.0.0.1:23234
  ssh -t -p 23234 localhost
  segdash serve --authorized-keys ~/.ssh/authorized_keys --metrics 127.0.0.1:9464`,
		"segdash workspaces": `  segdash workspaces
  segdash workspaces --check`,
		"segdash demo-api": `  segdash demo-api
  # then, with the URL and key it prints:
  BRAZE_API_KEY=KEY BRAZE_REST_ENDPOINT=URL segdash check SEGMENT`,
		"segdash help":                  "  segdash help check",
		"segdash completion":            "  segdash completion bash > ~/.local/share/bash-completion/completions/segdash",
		"segdash completion bash":       "  segdash completion bash > ~/.local/share/bash-completion/completions/segdash",
		"segdash completion zsh":        `  segdash completion zsh > "${fpath[1]}/_segdash"`,
		"segdash completion fish":       "  segdash completion fish > ~/.config/fish/completions/segdash.fish",
		"segdash completion powershell": "  segdash completion powershell | Out-String | Invoke-Expression",
		"segdash man":                   "  segdash man > segdash.1 && man -l segdash.1",
	}
}
