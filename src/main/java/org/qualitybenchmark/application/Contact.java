package org.qualitybenchmark.application;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The enterprise's contact person for this application (联系人). */
@Embeddable
public class Contact {

    @Column(name = "contact_name")
    private String name;

    @Column(name = "contact_department")
    private String department;

    @Column(name = "contact_position")
    private String position;

    @Column(name = "contact_phone")
    private String phone;

    @Column(name = "contact_mobile")
    private String mobile;

    @Column(name = "contact_email")
    private String email;

    protected Contact() {
    }

    public Contact(String name, String department, String position, String phone, String mobile, String email) {
        this.name = name;
        this.department = department;
        this.position = position;
        this.phone = phone;
        this.mobile = mobile;
        this.email = email;
    }

    public String name() {
        return name;
    }

    public String department() {
        return department;
    }

    public String position() {
        return position;
    }

    public String phone() {
        return phone;
    }

    public String mobile() {
        return mobile;
    }

    public String email() {
        return email;
    }
}
