"""Toelaten: the tooling behind the course "Ik heb (n)iemand nodig".

The public surface is small on purpose: a course's data (``CourseData``: the package's own,
or another folder's) and the error its files raise. The Sphinx extension lives in
``toelaten.sphinxext``; the exercises for notebooks in ``toelaten.exercises``.
"""

from toelaten._fields import DataError
from toelaten.contacts import HelpContacts
from toelaten.course import Course, Day
from toelaten.coursedata import CourseData

__all__ = ["Course", "CourseData", "DataError", "Day", "HelpContacts"]
