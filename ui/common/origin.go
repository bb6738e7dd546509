package common

// Origin names the dashboard that asked for a message: its workspace, the
// index of that workspace in a dashboard over several (0 when it runs
// alone). Every message a dashboard's own commands produce embeds the
// Origin of the session's Common, so a host over several workspaces hands
// each reply to the dashboard that asked, shown or not, without wrapping
// commands; Bubble Tea's own messages carry none and reach the program as
// they would in a single dashboard.
type Origin struct {
	// Workspace is the asking dashboard's workspace.
	Workspace int
}

// From is the dashboard that asked for the message.
func (o Origin) From() Origin { return o }

// Addressed is a message that names the dashboard it answers.
type Addressed interface {
	From() Origin
}
