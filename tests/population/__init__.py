"""A generated population of staff describing their own jobs, and the figures it gives (grammar.py, figures.py)."""
from tests.population.figures import Figures, over_rest, through_rules
from tests.population.grammar import Person, expected, population

__all__ = ["Figures", "Person", "expected", "over_rest", "population", "through_rules"]
