"""Channel specifics: Teams (mentions, app package), Slack (Block Kit, self-hosted adapter), the local web chat."""
