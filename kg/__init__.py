"""geokg: geopolitics news to an ontology-checked RDF knowledge graph in Oxigraph."""
__version__ = "0.1.0"
