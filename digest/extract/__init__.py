"""Stage 3, per article: entities, quotes and figures pulled out of one parsed article."""
