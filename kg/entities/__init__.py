"""Entities: every name, description and pronoun resolved to one node.

Resolution is a chain of spaCy components, in the order a reader resolves
names; each reads what the ones before it left on the Doc and adds its own
(see `kg.entities.mentions` for where):

1. `kg_issue_triggers` keeps the issue triggers that name the issue;
2. `kg_names` links names (full names, surnames, capitals, known bodies);
3. `kg_bodies` finds the bodies of states by their structure ("China's
   foreign ministry", "the Sudanese army");
4. `kg_titles` reads titles and appositions beside names;
5. `kg_references` resolves descriptions, "the two sides" and pronouns;
6. `kg_speakers` finds who speaks each quotation, and who "I" and "we" are;
7. `kg_topics` records the issues named, and countries read as issues.

Resolution is local to the article (a surname means the person of that
surname named before it) and global through the knowledge base (its keys are
the same in every article).
"""
from __future__ import annotations

from kg.entities import bodies, names, references, roles, speakers, topics, triggers  # noqa: F401  (registers the factories)
from kg.entities.mentions import DocMentions, Mention, RoleMention, kind_of

RESOLVERS = ("kg_issue_triggers", "kg_names", "kg_bodies", "kg_titles", "kg_references", "kg_speakers", "kg_topics")

__all__ = ["RESOLVERS", "DocMentions", "Mention", "RoleMention", "kind_of"]
