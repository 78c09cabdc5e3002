CREATE NODE TABLE Entity(id STRING, label STRING, kind STRING, wikidata STRING, aliases STRING, positions STRING, labels STRING, PRIMARY KEY(id));
CREATE REL TABLE Fact(FROM Entity TO Entity, relation STRING, evidence STRING, document STRING, date STRING, confidence DOUBLE);
COPY Entity FROM 'nodes.csv' (HEADER=true);
COPY Fact FROM 'relationships.csv' (HEADER=true);
