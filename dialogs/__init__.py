"""botbuilder-dialogs: the generic scenario walker, the report intake, the quiz."""
