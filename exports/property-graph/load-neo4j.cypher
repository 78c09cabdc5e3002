// Load the diplomacy-kg bundle into Neo4j (files in the server's import folder).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
MERGE (e:Entity {id: row.`id:ID`})
SET e.label = row.label, e.kind = row.kind, e.wikidata = row.wikidata,
    e.aliases = split(row.`aliases:string[]`, ';'), e.positions = split(row.`positions:string[]`, ';');
MATCH (e:Entity {kind: 'Person'}) SET e:Person;
MATCH (e:Entity {kind: 'Country'}) SET e:Country;
MATCH (e:Entity {kind: 'Organization'}) SET e:Organization;
MATCH (e:Entity {kind: 'Issue'}) SET e:Issue;
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'metWith'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:metWith {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'visited'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:visited {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'urged'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:urged {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'warned'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:warned {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'criticized'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:criticized {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'agreedWith'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:agreedWith {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'disagreedWith'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:disagreedWith {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'cooperatesWith'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:cooperatesWith {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'supports'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:supports {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'opposes'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:opposes {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'attacked'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:attacked {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'raisedConcernAbout'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:raisedConcernAbout {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'discussed'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:discussed {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'restricted'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:restricted {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'represents'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:represents {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'allyOf'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:allyOf {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
WITH row WHERE row.`:TYPE` = 'claims'
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CREATE (a)-[:claims {evidence: row.evidence, document: row.document, date: row.date,
    confidence: toFloat(row.`confidence:float`)}]->(b);
