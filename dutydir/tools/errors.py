"""The one error of the clerk's commands: a change that cannot be made as asked, said in Chinese."""


class EditError(Exception):
    """A change that cannot be made as asked; the file is left as it was."""
