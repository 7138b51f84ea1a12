package org.qualitybenchmark.workflow.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What the process models in {@code bpmn/} ask of the application, read from the files: so that a
 * test of the Spring context can check that every bean the models call exists.
 */
public final class BpmnModels {

    public static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private BpmnModels() {
    }

    /** Every {@code .bpmn} file below the folder, in path order. */
    public static List<Path> files(Path bpmnDir) {
        try (Stream<Path> files = Files.walk(bpmnDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bpmn")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + bpmnDir, e);
        }
    }

    /**
     * The bean names of every {@code camunda:delegateExpression} (service tasks, task and execution
     * listeners) in the models below the folder, e.g. {@code screenApplicationListener}.
     *
     * @throws IllegalStateException when a delegate expression is anything but {@code ${beanName}}
     */
    public static Set<String> beanNames(Path bpmnDir) {
        Set<String> names = new TreeSet<>();
        for (Path file : files(bpmnDir)) {
            for (String expression : camundaAttributeValues(file, "delegateExpression")) {
                Matcher bean = BEAN_REFERENCE.matcher(expression);
                if (!bean.matches()) {
                    throw new IllegalStateException(file + ": delegate expression " + expression
                            + " is not a plain bean reference ${beanName}");
                }
                names.add(bean.group(1));
            }
        }
        return names;
    }

    /**
     * The values of a Camunda extension attribute wherever it occurs in the file, in document order:
     * {@code camunda:name} on BPMN elements and plain {@code name} on Camunda elements such as
     * {@code camunda:taskListener}.
     */
    static List<String> camundaAttributeValues(Path file, String localName) {
        List<String> values = new ArrayList<>();
        NodeList elements = parse(file).getElementsByTagNameNS("*", "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (element.hasAttributeNS(CAMUNDA_NS, localName)) {
                values.add(element.getAttributeNS(CAMUNDA_NS, localName));
            } else if (CAMUNDA_NS.equals(element.getNamespaceURI()) && element.hasAttribute(localName)) {
                values.add(element.getAttribute(localName));
            }
        }
        return values;
    }

    /** Every {@code id} attribute in the file, diagram elements included. */
    static List<String> ids(Path file) {
        List<String> ids = new ArrayList<>();
        NodeList elements = parse(file).getElementsByTagNameNS("*", "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (element.hasAttribute("id")) {
                ids.add(element.getAttribute("id"));
            }
        }
        return ids;
    }

    private static Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot parse " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
