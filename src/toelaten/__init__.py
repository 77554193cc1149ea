"""Toelaten: the tooling behind the course "Ik heb (n)iemand nodig".

The public surface is small on purpose: load the course and the help contacts, and the
error both raise. The Sphinx extension lives in ``toelaten.sphinxext``.
"""

from toelaten._fields import DataError
from toelaten.contacts import HelpContacts, load_help_contacts
from toelaten.course import Course, Day, load_course

__all__ = ["Course", "DataError", "Day", "HelpContacts", "load_course", "load_help_contacts"]
