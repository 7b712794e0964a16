from django.db import models


class Clinic(models.Model):
    name = models.CharField(max_length=200)
    timezone = models.CharField(max_length=64, default="Europe/Berlin")


class Therapist(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="therapists")
    name = models.CharField(max_length=200)
    active = models.BooleanField(default=True)


class Patient(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="patients")
    full_name = models.CharField(max_length=200)
    phone = models.CharField(max_length=40, blank=True)


class Room(models.Model):
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="rooms")
    label = models.CharField(max_length=40)


class Booking(models.Model):
    STATUS = [("booked", "Booked"), ("cancelled", "Cancelled"), ("done", "Done")]

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE)
    therapist = models.ForeignKey(Therapist, on_delete=models.PROTECT)
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT)
    room = models.ForeignKey(Room, on_delete=models.PROTECT)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    status = models.CharField(max_length=16, choices=STATUS, default="booked")
