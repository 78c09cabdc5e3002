"""What the graph says, computed with networkx.

- `kg.analysis.readback.read_graph(path)`: a KnowledgeGraph from any export file;
- `kg.analysis.network.to_networkx(kg)`: the graph as a networkx.MultiDiGraph;
- `kg.analysis.measures`: key actors, blocs, alignment, issue sides and
  salience, an actor's profile, the chain of facts between two actors;
- `kg.analysis.report`: those results as one report, in text, Markdown or JSON;
- `kg.analysis.layout`: positions for the view (communities apart, labels clear);
- `kg.analysis.plots`: the charts, PNG and SVG.

Every function is pure: graph in, plain data out; anything random takes a seed.
"""
