package org.conference.localstack.launcher;

import java.io.IOException;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The project's version, from the root pom: the jars are named after it. */
public final class ProjectVersion {

    public static String of(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
                if ("version".equals(child.getNodeName())) {
                    return child.getTextContent().strip();
                }
            }
            throw new LaunchException(pom + " has no <version>");
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new LaunchException("cannot read the project version from " + pom + ": " + e.getMessage());
        }
    }

    private ProjectVersion() {
    }
}
